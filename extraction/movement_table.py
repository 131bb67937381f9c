"""The one exercise table: canonical snake_case names and the words athletes use for them.

Pure data, read by `vocabulary`.

Each row: name | movement type | family | category | muscle, then its comma-separated
aliases indented on the lines below. The family is the discipline a session of only that
movement belongs to; the category is the lift category in that family. Plurals and
run-together spellings ("pullups") are generated. An alias written `squat~air_squat` reads
as the first name when loaded and as the second when not; a `?` marks a weak alias ("kb")
that yields to a movement named right after it ("kb swings"); a `!` marks a word with an
everyday meaning ("clean", "dead") that names a lift only with a number next to it
("135# cleans", "cleans up to 120kg").
"""

MOVEMENT_TABLE = """
back_squat | barbell | powerlifting | main_lift | quads
    back squat, sq, squatted, back squatted, barbell squat, bb squat, low bar squat,
    high bar squat, bs!, squatting, squat~air_squat
pause_squat | barbell | powerlifting | variation | quads
    pause squat, paused squat
front_squat | barbell | powerlifting | variation | quads
    front squat, front squatted, fs!
box_squat | barbell | powerlifting | variation | quads
    box squat
safety_bar_squat | barbell | powerlifting | variation | quads
    safety bar squat, ssb squat, ssb
zercher_squat | barbell | powerlifting | variation | quads
    zercher squat, zercher
sissy_squat | bodyweight | bodybuilding | isolation | quads
    sissy squat
bench_press | barbell | powerlifting | main_lift | chest
    bench, bench press, bp, benched, benching, flat bench, barbell bench, bb bench, paused bench,
    pause bench
close_grip_bench_press | barbell | powerlifting | variation | triceps
    close grip bench, close grip bench press, cgbp, close grip!
incline_bench_press | barbell | bodybuilding | compound | chest
    incline bench, incline bench press, incline barbell bench, incline press,
    incline barbell press
decline_bench_press | barbell | bodybuilding | compound | chest
    decline bench, decline bench press, decline press
floor_press | barbell | powerlifting | variation | chest
    floor press
landmine_press | barbell | bodybuilding | compound | shoulders
    landmine press
jm_press | barbell | bodybuilding | isolation | triceps
    jm press
deadlift | barbell | powerlifting | main_lift | posterior_chain
    deadlift, dl, dead!, deads, deadlifted, deadlifting, conventional deadlift, deficit deadlift
trap_bar_deadlift | barbell | powerlifting | variation | posterior_chain
    trap bar deadlift, trap bar dl, hex bar deadlift, hex bar dl, trap bar, hex bar
sumo_deadlift | barbell | powerlifting | variation | posterior_chain
    sumo deadlift, sumo dl, sumo!
romanian_deadlift | barbell | powerlifting | variation | hamstrings
    romanian deadlift, rdl
single_leg_romanian_deadlift | dumbbell | bodybuilding | compound | hamstrings
    single leg rdl, single leg romanian deadlift, sl rdl, b stance rdl
stiff_leg_deadlift | barbell | bodybuilding | compound | hamstrings
    stiff leg deadlift, stiff legged deadlift, sldl
rack_pull | barbell | powerlifting | variation | back
    rack pull, block pull
good_morning | barbell | powerlifting | accessory | hamstrings
    good morning!
overhead_press | barbell | powerlifting | variation | shoulders
    overhead press, ohp, press!, pressed!, strict press, military press, shoulder press,
    standing press, bb press
push_press | barbell | powerlifting | variation | shoulders
    push press, pp!
log_press | other | powerlifting | variation | shoulders
    log press, log clean and press
z_press | barbell | powerlifting | variation | shoulders
    z press
snatch | barbell | olympic | snatch | full_body
    snatch, squat snatch, full snatch, snatched, sn!
power_snatch | barbell | olympic | snatch | full_body
    power snatch, power snatched
hang_snatch | barbell | olympic | snatch | full_body
    hang snatch, hang squat snatch
hang_power_snatch | barbell | olympic | snatch | full_body
    hang power snatch, hps
snatch_balance | barbell | olympic | snatch | full_body
    snatch balance
snatch_pull | barbell | olympic | pull | posterior_chain
    snatch pull, snatch high pull
muscle_snatch | barbell | olympic | snatch | full_body
    muscle snatch
clean_and_jerk | barbell | olympic | clean_and_jerk | full_body
    clean and jerk, clean & jerk, clean + jerk, clean n jerk, clean jerk, c&j, c & j, c and j,
    c + j, cj
clean | barbell | olympic | clean | full_body
    clean!, cleaned!, squat clean, full clean
power_clean | barbell | olympic | clean | full_body
    power clean, power cleaned, pc!
hang_clean | barbell | olympic | clean | full_body
    hang clean, hang squat clean
hang_power_clean | barbell | olympic | clean | full_body
    hang power clean, hpc
clean_pull | barbell | olympic | pull | posterior_chain
    clean pull, clean high pull
jerk | barbell | olympic | jerk | shoulders
    jerk!, jerked
split_jerk | barbell | olympic | jerk | shoulders
    split jerk
push_jerk | barbell | olympic | jerk | shoulders
    push jerk
overhead_squat | barbell | olympic | squat | quads
    overhead squat, ohs
dumbbell_bench_press | dumbbell | bodybuilding | compound | chest
    db bench, db bench press, dumbbell bench, dumbbell bench press, dumbbell press, db press
incline_dumbbell_press | dumbbell | bodybuilding | compound | chest
    incline db press, incline dumbbell press, incline db bench, incline dumbbell bench,
    incline db, incline dumbbell, db incline, dumbbell incline, db incline press,
    dumbbell incline press
dumbbell_shoulder_press | dumbbell | bodybuilding | compound | shoulders
    db shoulder press, dumbbell shoulder press, seated db press, db ohp, arnold press
chest_press | other | bodybuilding | compound | chest
    chest press, machine press, machine chest press
chest_fly | other | bodybuilding | isolation | chest
    chest fly, db fly, pec fly, pec deck, flyes, flys, flies
cable_fly | other | bodybuilding | isolation | chest
    cable fly, cable flies, cable crossover, cable chest fly
barbell_row | barbell | bodybuilding | compound | back
    barbell row, bb row, bent over row, bent-over row, pendlay row, yates row, row~row
dumbbell_row | dumbbell | bodybuilding | compound | back
    db row, dumbbell row, one arm row, single arm row, sa row, kroc row
seated_cable_row | other | bodybuilding | compound | back
    cable row, seated row, seated cable row, low row
chest_supported_row | dumbbell | bodybuilding | compound | back
    chest supported row, seal row, incline db row
machine_row | other | bodybuilding | compound | back
    machine row, hammer strength row
t_bar_row | barbell | bodybuilding | compound | back
    t bar row, tbar row
lat_pulldown | other | bodybuilding | compound | back
    lat pulldown, pulldown, lat pull down, pull down, lat pull
straight_arm_pulldown | other | bodybuilding | isolation | back
    straight arm pulldown, straight arm pull down, straight arm lat pulldown, lat prayer
face_pull | other | bodybuilding | isolation | shoulders
    face pull
band_pull_apart | other | bodybuilding | isolation | shoulders
    band pull apart, pull apart
bicep_curl | dumbbell | bodybuilding | isolation | biceps
    curl, bicep curl, biceps curl, db curl, dumbbell curl, barbell curl, bb curl, ez bar curl,
    ez curl, cable curl, curled
hammer_curl | dumbbell | bodybuilding | isolation | biceps
    hammer curl
preacher_curl | other | bodybuilding | isolation | biceps
    preacher curl
tricep_pushdown | other | bodybuilding | isolation | triceps
    pushdown, push down, tricep pushdown, triceps pushdown, rope pushdown, tricep pressdown,
    pressdown, cable pushdown
skull_crusher | barbell | bodybuilding | isolation | triceps
    skull crusher, skullcrusher, lying tricep extension
pullover | dumbbell | bodybuilding | isolation | back
    pullover, db pullover, dumbbell pullover, cable pullover
tricep_extension | other | bodybuilding | isolation | triceps
    tricep extension, triceps extension, overhead tricep extension, overhead extension,
    tricep kickback, triceps kickback
lateral_raise | dumbbell | bodybuilding | isolation | shoulders
    lateral raise, lat raise, side raise, side lateral raise, laterals
front_raise | dumbbell | bodybuilding | isolation | shoulders
    front raise
rear_delt_fly | dumbbell | bodybuilding | isolation | shoulders
    rear delt fly, reverse fly, rear delt raise, reverse pec deck
shrug | barbell | bodybuilding | isolation | traps
    shrug
upright_row | barbell | bodybuilding | compound | shoulders
    upright row
leg_press | other | bodybuilding | compound | quads
    leg press, press legs
straight_leg_raise | bodyweight | bodybuilding | isolation | quads
    straight leg raise, slr
heel_slide | bodyweight | bodybuilding | isolation | hamstrings
    heel slide
hack_squat | other | bodybuilding | compound | quads
    hack squat
leg_extension | other | bodybuilding | isolation | quads
    leg extension, leg ext, quad extension
leg_curl | other | bodybuilding | isolation | hamstrings
    leg curl, hamstring curl, lying leg curl, seated leg curl, ham curl
nordic_curl | bodyweight | bodybuilding | isolation | hamstrings
    nordic curl, nordic, nordic hamstring curl
glute_ham_raise | gymnastics | bodybuilding | isolation | hamstrings
    glute ham raise, ghr
hip_abduction | other | bodybuilding | isolation | glutes
    hip abduction, abductor, abductors, hip adduction, adductor
reverse_hyper | other | bodybuilding | isolation | back
    reverse hyper, reverse hyperextension
calf_raise | other | bodybuilding | isolation | calves
    calf raise, standing calf raise, seated calf raise
hip_thrust | barbell | bodybuilding | compound | glutes
    hip thrust, barbell hip thrust
glute_kickback | other | bodybuilding | isolation | glutes
    glute kickback, cable kickback, donkey kick
glute_bridge | barbell | bodybuilding | compound | glutes
    glute bridge
bulgarian_split_squat | dumbbell | bodybuilding | compound | quads
    bulgarian split squat, bulgarian, bss, rfess
split_squat | dumbbell | bodybuilding | compound | quads
    split squat
lunge | dumbbell | bodybuilding | compound | quads
    lunge, walking lunge, reverse lunge, db lunge, dumbbell lunge, forward lunge,
    alternating lunge
step_up | dumbbell | bodybuilding | compound | quads
    step up, box step up, db step up
goblet_squat | kettlebell | bodybuilding | compound | quads
    goblet squat
back_extension | bodyweight | bodybuilding | isolation | back
    back extension, hyperextension, back ext
pull_up | gymnastics | calisthenics | pull | back
    pull up, pu!, strict pull up, kipping pull up, butterfly pull up, jumping pull up,
    banded pull up
chin_up | gymnastics | calisthenics | pull | back
    chin up, chins
chest_to_bar_pull_up | gymnastics | calisthenics | pull | back
    chest to bar, chest to bar pull up, c2b, ctb
muscle_up | gymnastics | calisthenics | skill | full_body
    muscle up, mu!, ring muscle up, rmu
bar_muscle_up | gymnastics | calisthenics | skill | full_body
    bar muscle up, bmu
push_up | bodyweight | calisthenics | push | chest
    push up, press up, hand release push up, hrpu
pike_push_up | bodyweight | calisthenics | push | shoulders
    pike push up
archer_push_up | bodyweight | calisthenics | push | chest
    archer push up
dip | bodyweight | calisthenics | push | triceps
    dips, dip!, bar dip, parallel bar dip
ring_dip | gymnastics | calisthenics | push | triceps
    ring dip
handstand_push_up | gymnastics | calisthenics | push | shoulders
    handstand push up, hand stand push up, hspu
handstand | gymnastics | calisthenics | skill | shoulders
    handstand, handstand hold, freestanding handstand, wall handstand
handstand_walk | gymnastics | calisthenics | skill | shoulders
    handstand walk, hs walk
pistol_squat | bodyweight | calisthenics | legs | quads
    pistol, pistol squat
cossack_squat | bodyweight | calisthenics | legs | quads
    cossack squat
air_squat | bodyweight | calisthenics | legs | quads
    air squat, bodyweight squat, bw squat, airsquat
l_sit | gymnastics | calisthenics | static_hold | core
    l sit
dead_hang | gymnastics | calisthenics | static_hold | back
    dead hang, bar hang
front_lever | gymnastics | calisthenics | static_hold | back
    front lever
back_lever | gymnastics | calisthenics | static_hold | back
    back lever
planche | gymnastics | calisthenics | static_hold | shoulders
    planche, tuck planche
plank | bodyweight | calisthenics | static_hold | core
    plank, front plank
hollow_hold | bodyweight | calisthenics | static_hold | core
    hollow hold, hollow body hold, hollow rock
inverted_row | bodyweight | calisthenics | pull | back
    inverted row, australian pull up, body row
ring_row | gymnastics | calisthenics | pull | back
    ring row
hanging_leg_raise | gymnastics | calisthenics | core | core
    hanging leg raise, leg raise, hlr, hanging knee raise, knee raise
russian_twist | bodyweight | calisthenics | core | core
    russian twist
dead_bug | bodyweight | calisthenics | core | core
    dead bug
ab_wheel | bodyweight | calisthenics | core | core
    ab wheel, ab wheel rollout, ab rollout, rollout
cable_crunch | other | bodybuilding | isolation | core
    cable crunch
pallof_press | other | bodybuilding | isolation | core
    pallof press
v_up | bodyweight | calisthenics | core | core
    v up
side_plank | bodyweight | calisthenics | static_hold | core
    side plank
wall_sit | bodyweight | calisthenics | static_hold | quads
    wall sit
sit_up | bodyweight | calisthenics | core | core
    sit up, abmat sit up
crunch | bodyweight | calisthenics | core | core
    crunch, bicycle crunch
bird_dog | bodyweight | calisthenics | core | core
    bird dog
superman | bodyweight | calisthenics | core | back
    superman, superman hold
toes_to_bar | gymnastics | conditioning | core | core
    toes to bar, t2b, ttb
knees_to_elbows | gymnastics | conditioning | core | core
    knees to elbows, k2e
rope_climb | gymnastics | conditioning | pull | back
    rope climb, legless rope climb
ghd_sit_up | gymnastics | conditioning | core | core
    ghd sit up, ghd
burpee | bodyweight | conditioning | full_body | full_body
    burpee, bar facing burpee, burpee over the bar, bfb
burpee_broad_jump | bodyweight | conditioning | full_body | full_body
    burpee broad jump, bbj
burpee_box_jump_over | bodyweight | conditioning | full_body | full_body
    burpee box jump over, burpee box jump, bbjo
box_jump | bodyweight | conditioning | legs | legs
    box jump, box jump over, bjo
broad_jump | bodyweight | conditioning | legs | legs
    broad jump
jumping_jack | bodyweight | conditioning | full_body | full_body
    jumping jack
tuck_jump | bodyweight | conditioning | legs | legs
    tuck jump
high_knees | bodyweight | conditioning | full_body | legs
    high knee, high knees
jump_squat | bodyweight | conditioning | legs | quads
    jump squat, squat jump, jumping squat
wall_walk | gymnastics | conditioning | full_body | shoulders
    wall walk
ball_slam | other | conditioning | full_body | full_body
    ball slam, slam ball, med ball slam, medball slam
mountain_climber | bodyweight | conditioning | core | core
    mountain climber
double_under | bodyweight | conditioning | full_body | calves
    double under, du!, dubs, double unders, dbl under
jump_rope | bodyweight | conditioning | full_body | calves
    jump rope, single under, skipping rope
wall_ball | other | conditioning | full_body | full_body
    wall ball, wall ball shot, wb, wbs
kettlebell_swing | kettlebell | conditioning | full_body | posterior_chain
    kettlebell swing, kb swing, kbs, russian swing, american swing, kettlebell?, kb?, swing!
kettlebell_snatch | kettlebell | conditioning | full_body | full_body
    kettlebell snatch, kb snatch
kettlebell_clean | kettlebell | conditioning | full_body | full_body
    kettlebell clean, kb clean
kettlebell_press | kettlebell | conditioning | full_body | shoulders
    kettlebell press, kb press, kettlebell strict press, kb strict press
kettlebell_row | kettlebell | bodybuilding | compound | back
    kettlebell row, kb row, renegade row
kettlebell_deadlift | kettlebell | conditioning | full_body | posterior_chain
    kettlebell deadlift, kb deadlift, kb dl
kettlebell_front_squat | kettlebell | conditioning | legs | quads
    kettlebell front squat, kb front squat, double kb front squat
kettlebell_halo | kettlebell | conditioning | full_body | shoulders
    halo, kb halo, kettlebell halo
kettlebell_windmill | kettlebell | conditioning | full_body | core
    windmill, kb windmill, kettlebell windmill
turkish_get_up | kettlebell | conditioning | full_body | full_body
    turkish get up, tgu
dumbbell_snatch | dumbbell | conditioning | full_body | full_body
    db snatch, dumbbell snatch
devil_press | dumbbell | conditioning | full_body | full_body
    devil press, devils press
man_maker | dumbbell | conditioning | full_body | full_body
    man maker
dumbbell_clean | dumbbell | conditioning | full_body | full_body
    db clean, dumbbell clean, db hang clean
clean_and_press | barbell | conditioning | full_body | full_body
    clean and press, clean & press, clean n press
thruster | barbell | conditioning | full_body | full_body
    thruster
dumbbell_thruster | dumbbell | conditioning | full_body | full_body
    db thruster, dumbbell thruster
sumo_deadlift_high_pull | barbell | conditioning | full_body | full_body
    sumo deadlift high pull, sdhp, sdlhp
sled_push | other | conditioning | legs | legs
    sled push, prowler, prowler push, sled
sled_pull | other | conditioning | legs | legs
    sled pull, sled drag
farmers_carry | other | conditioning | full_body | full_body
    farmers carry, farmer carry, farmers walk, farmer walk, carries
suitcase_carry | other | conditioning | full_body | core
    suitcase carry
sandbag_carry | other | conditioning | full_body | full_body
    sandbag carry
yoke_carry | other | conditioning | full_body | full_body
    yoke, yoke carry, yoke walk
tire_flip | other | conditioning | full_body | full_body
    tire flip, tyre flip
atlas_stone | other | conditioning | full_body | full_body
    atlas stone, stone to shoulder
bear_crawl | bodyweight | conditioning | full_body | full_body
    bear crawl
sandbag_lunge | other | conditioning | legs | legs
    sandbag lunge
battle_rope | other | conditioning | full_body | full_body
    battle rope, battle ropes
run | cardio | cardio | running | legs
    run, running, jog, jogging, ran, jogged, sprint, sprinted
row | cardio | cardio | rowing | full_body
    rowing, rowed, erg, rower
bike | cardio | cardio | cycling | legs
    bike, biking, biked, cycling, cycled, assault bike, echo bike, air bike, airdyne, bike erg,
    bikeerg
swim | cardio | cardio | swimming | full_body
    swim, swam, swimming
ski_erg | cardio | cardio | other | full_body
    ski, ski erg, skierg
"""
