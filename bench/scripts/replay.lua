-- wrk script: replays one captured HTTP request (a file: method line, path line, header lines,
-- a blank line, the body) and prints the run's numbers as one JSON line at the end.
-- Usage: wrk ... -s replay.lua URL -- request-file

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local method = file:read("*l")
  local path = file:read("*l")
  local headers = {}
  while true do
    local line = file:read("*l")
    if line == nil or line == "" then break end
    local name, value = line:match("^([^:]+):%s?(.*)$")
    headers[name] = value
  end
  local body = file:read("*a")
  file:close()
  request_bytes = wrk.format(method, path, headers, body)
end

function request()
  return request_bytes
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"mean":%.1f,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))
end
