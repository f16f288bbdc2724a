# A created task takes its first step on the next iteration, after callbacks already scheduled; done callbacks
# are scheduled, never run inline.
import asyncio
async def child():
    print("child step 1")
    return 42
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback scheduled before the task")
    t = asyncio.create_task(child())
    loop.call_soon(print, "callback scheduled after the task")
    t.add_done_callback(lambda f: print("done callback", f.result()))
    print("main continues; child started:", t.done())
    await asyncio.sleep(0)
    print("main after one iteration; done:", t.done())
    await asyncio.sleep(0)
    print("main after two iterations")
    f = loop.create_future()
    f.add_done_callback(lambda f: print("future callback", f.result()))
    f.set_result(7)
    print("after set_result")
    f.add_done_callback(lambda f: print("late callback", f.result()))
    print("after adding to a done future")
    await asyncio.sleep(0)
    print("end")
asyncio.run(main())
