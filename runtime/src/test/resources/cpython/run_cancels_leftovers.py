# asyncio.run cancels the tasks still pending when main returns, and runs their clean-up.
import asyncio
async def worker(name):
    try:
        print(name, "started")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "cleanup")
async def main():
    asyncio.create_task(worker("w1"))
    asyncio.create_task(worker("w2"))
    await asyncio.sleep(0)
    print("main returns")
    return "result"
print(asyncio.run(main()))
