"""Tests of the deployment artefacts: the Dockerfile and the CloudFormation template."""
