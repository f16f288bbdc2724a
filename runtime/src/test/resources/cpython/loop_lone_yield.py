# A task that yields with sleep(0) while nothing else is ready still sees everything an iteration brings
# between its steps: callbacks it scheduled, timers falling due, thread-safe calls, and stop().
import asyncio
import threading

loop = asyncio.new_event_loop()

async def spinner():
    for i in range(4):
        print("step", i)
        if i == 1:
            loop.call_soon(print, "callback scheduled by step 1")
        if i == 2:
            loop.stop()
        await asyncio.sleep(0)
    print("spinner done")

task = loop.create_task(spinner())
loop.run_forever()
print("stopped; done:", task.done())
loop.run_until_complete(task)

async def waits_for_timer():
    fired = []
    loop.call_later(0.02, fired.append, 1)
    spins = 0
    while not fired:
        spins += 1
        await asyncio.sleep(0)
    print("timer seen after yielding:", spins > 0)

loop.run_until_complete(waits_for_timer())

async def waits_for_thread():
    flag = []
    threading.Timer(0.02, lambda: loop.call_soon_threadsafe(flag.append, 1)).start()
    while not flag:
        await asyncio.sleep(0)
    print("thread-safe call seen")

loop.run_until_complete(waits_for_thread())
loop.close()
