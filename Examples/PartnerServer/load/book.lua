-- wrk script: POST /v1/appointments with a random body of bookings.jsonl
-- (written by make_bookings.py). Refusals of slots already taken are
-- 409 slot-full answers, counted as non-2xx by wrk.
--   wrk -t2 -c32 -d15s -s book.lua http://127.0.0.1:8080
local bodies = {}

function init(args)
  local path = args[1] or "bookings.jsonl"
  local file = assert(io.open(path, "r"), "cannot open " .. path .. ": run make_bookings.py first")
  for line in file:lines() do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  file:close()
  assert(#bodies > 0, path .. " holds no booking body")
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local body = bodies[math.random(#bodies)]
  return wrk.format("POST", "/v1/appointments", { ["Content-Type"] = "application/json" }, body)
end
