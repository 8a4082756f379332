-- wrk script: each request asks for a path with a uniformly random id (bench/scale.sh).
--
--   wrk ... -s bench/random-ids.lua http://127.0.0.1:PORT -- '/movies/{id}' 1 1000000      ids 1 to 1,000,000
--   wrk ... -s bench/random-ids.lua http://127.0.0.1:PORT -- '/movies/{id}' @ids.txt      the ids listed, one a line
--
-- Each wrk thread draws from its own generator, seeded with its number, so runs are repeatable and two threads
-- never ask for the same sequence.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local template, low, high, ids

function init(args)
  template = args[1]
  if string.sub(args[2], 1, 1) == "@" then
    ids = {}
    for line in io.lines(string.sub(args[2], 2)) do
      ids[#ids + 1] = line
    end
  else
    low, high = tonumber(args[2]), tonumber(args[3])
  end
  math.randomseed(1013 * (thread_number or 1))
end

function request()
  local id
  if ids then
    id = ids[math.random(#ids)]
  else
    id = math.random(low, high)
  end
  return wrk.format("GET", (string.gsub(template, "{id}", id)))
end
