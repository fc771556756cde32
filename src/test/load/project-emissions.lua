-- wrk script: each request asks one of 1,000 projects for its year grouped by month, with a
-- bearer token read from the TOKEN environment variable.
local token = os.getenv("TOKEN")
math.randomseed(42)

request = function()
  local project = string.format("p%04d", math.random(1, 1000))
  local path = "/api/v1/projects/" .. project .. "/emissions?from=2025-12&to=2026-11&groupBy=month"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (status) %d, (socket) %d\n", summary.requests,
      summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
