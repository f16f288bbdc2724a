# Task-N counts the tasks created without a name; the main task of asyncio.run is Task-1.
import asyncio
async def child():
    await asyncio.sleep(0)
async def main():
    me = asyncio.current_task()
    print(me.get_name())
    a = asyncio.create_task(child())
    b = asyncio.create_task(child(), name="named")
    c = asyncio.create_task(child())
    print(a.get_name(), b.get_name(), c.get_name())
    c.set_name("renamed")
    print(c.get_name())
    print(asyncio.current_task() is me, a.get_coro() is not None)
    print(len(asyncio.all_tasks()), me in asyncio.all_tasks())
    await asyncio.gather(a, b, c)
    print(len(asyncio.all_tasks()), a in asyncio.all_tasks())
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("current task in a callback:", asyncio.current_task()))
    await asyncio.sleep(0)
asyncio.run(main())
