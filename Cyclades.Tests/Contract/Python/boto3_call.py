"""Calls one EC2 operation with boto3 against the test host.

stdin: {"endpoint", "key", "secret", "region", "operation", "params"}
stdout: {"result": {...}} or {"error": {"code", "message", "status", "request_id"}}
With "waiter" instead of "operation" (e.g. "instance_terminated"), runs that boto3 waiter with the
params, polling every second: {"result": {}} once satisfied, {"error": {"code": "WaiterError", ...}} if not.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, WaiterError


def client_for(request):
    """An EC2 client for the request's endpoint and keys, without retries."""
    return boto3.client(
        "ec2",
        endpoint_url=request["endpoint"],
        aws_access_key_id=request["key"],
        aws_secret_access_key=request["secret"],
        region_name=request.get("region", "us-east-1"),
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def error_of(e):
    return {"error": {
        "code": e.response["Error"].get("Code"),
        "message": e.response["Error"].get("Message"),
        "status": e.response["ResponseMetadata"].get("HTTPStatusCode"),
        "request_id": e.response["ResponseMetadata"].get("RequestId"),
    }}


def main():
    request = json.load(sys.stdin)
    client = client_for(request)
    try:
        if request.get("presign_get"):
            import urllib.request
            url = client.generate_presigned_url(request["operation"], Params=request.get("params", {}), HttpMethod="GET")
            with urllib.request.urlopen(url) as answer:
                print(json.dumps({"status": answer.status, "body": answer.read().decode()}))
        elif request.get("waiter"):
            client.get_waiter(request["waiter"]).wait(**request.get("params", {}), WaiterConfig={"Delay": 1, "MaxAttempts": 60})
            print(json.dumps({"result": {}}))
        else:
            result = getattr(client, request["operation"])(**request.get("params", {}))
            print(json.dumps({"result": result}, default=str))
    except WaiterError as e:
        print(json.dumps({"error": {"code": "WaiterError", "message": str(e), "status": 0, "request_id": None}}))
    except ClientError as e:
        print(json.dumps(error_of(e)))


if __name__ == "__main__":
    main()
