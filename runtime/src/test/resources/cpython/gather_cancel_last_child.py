# Quirk kept: when a cancelled gather(return_exceptions=True) completes, its CancelledError comes from the last child in argument order.
import asyncio
async def sleeper():
    await asyncio.sleep(10)
async def main():
    done = asyncio.get_running_loop().create_future()
    done.set_result("x")
    g = asyncio.gather(sleeper(), done, return_exceptions=True)
    await asyncio.sleep(0)
    print(g.cancel("msg"))
    try:
        await g
    except asyncio.CancelledError as e:
        print(repr(e))
asyncio.run(main())
