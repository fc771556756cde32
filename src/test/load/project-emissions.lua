-- wrk script: each request asks one of 1,000 projects for its year grouped by month, with a
-- bearer token read from the TOKEN environment variable. The 1,000 requests are formatted once
-- per wrk thread: formatting one per request cost the load generator CPU it shares with the
-- service on this machine.
local token = os.getenv("TOKEN")
local requests = {}
init = function(args)
  math.randomseed(42)
  for i = 1, 1000 do
    local path = string.format("/api/v1/projects/p%04d/emissions?from=2025-12&to=2026-11&groupBy=month", i)
    requests[i] = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
  end
end
request = function()
  return requests[math.random(1, 1000)]
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (status) %d, (socket) %d\n", summary.requests,
      summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
