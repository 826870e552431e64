#!/usr/bin/env python3
"""Loads a moto_server with instances through boto3's run_instances.

usage: moto_load.py PORT COUNT SINGLES

The first SINGLES instances are launched one per call, so that DescribeInstances' first page (moto
pages by reservation) holds one instance per reservation as the service's does; the rest in batches
of 1000 (moto takes ~13 ms per call, too slow to launch tens of thousands one by one).
"""
import sys

import boto3

port, count, singles = (int(a) for a in sys.argv[1:4])
ec2 = boto3.client(
    "ec2",
    endpoint_url=f"http://127.0.0.1:{port}",
    region_name="us-east-1",
    aws_access_key_id="AKIDBENCHMOTO0000000",
    aws_secret_access_key="moto-ignores-signatures",
)
image = ec2.describe_images(Owners=["amazon"], MaxResults=5)["Images"][0]["ImageId"]
launched = 0
while launched < count:
    n = 1 if launched < singles else min(1000, count - launched)
    ec2.run_instances(ImageId=image, InstanceType="t2.micro", MinCount=n, MaxCount=n)
    launched += n
print(launched)
