# Ready callbacks run in FIFO order; one scheduled while they run waits for the next iteration; stop() ends the
# loop after the current iteration.
import asyncio
loop = asyncio.new_event_loop()
def cb(n):
    print("cb", n)
    if n == 1:
        loop.call_soon(cb, 4)
for n in (1, 2, 3):
    loop.call_soon(cb, n)
loop.call_soon(loop.stop)
loop.run_forever()
print("stopped")
loop.call_soon(loop.stop)
loop.run_forever()
print("stopped again")
loop.close()
