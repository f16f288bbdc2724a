# A failed task nobody looked at reports "Task exception was never retrieved" when it is collected; one whose
# exception was retrieved reports nothing.
import asyncio, gc
async def boom():
    raise ValueError("lost")
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: print("handler:", ctx["message"], repr(ctx["exception"])))
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    del t
    gc.collect()
    await asyncio.sleep(0)
    t2 = asyncio.create_task(boom())
    await asyncio.sleep(0)
    t2.exception()
    del t2
    gc.collect()
    await asyncio.sleep(0)
    print("retrieved: nothing reported")
asyncio.run(main())
