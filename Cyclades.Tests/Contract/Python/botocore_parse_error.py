"""Parses EC2 error answers with botocore's own EC2 response parser.

stdin: [{"status": 400, "body": "<Response>..."}, ...]
stdout: [{"code", "message", "request_id", "status"}, ...]
"""
import json
import sys

from botocore import parsers
from botocore.loaders import Loader
from botocore.model import ServiceModel

model = ServiceModel(Loader().load_service_model("ec2", "service-2"))
operation = model.operation_model("DescribeRegions")
parser = parsers.create_parser("ec2")
out = []
for answer in json.load(sys.stdin):
    parsed = parser.parse(
        {"status_code": answer["status"], "headers": {}, "body": answer["body"].encode()},
        operation.output_shape,
    )
    out.append({
        "code": parsed.get("Error", {}).get("Code"),
        "message": parsed.get("Error", {}).get("Message"),
        "request_id": parsed.get("ResponseMetadata", {}).get("RequestId"),
        "status": parsed.get("ResponseMetadata", {}).get("HTTPStatusCode"),
    })
print(json.dumps(out))
