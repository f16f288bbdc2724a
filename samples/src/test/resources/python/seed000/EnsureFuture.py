import asyncio

async def my_coroutine():
    await asyncio.sleep(1)
    return "готово"

async def main():
    # ensure_future работает как с корутинами, так и с Future
    task = asyncio.ensure_future(my_coroutine())
    result = await task
    print(result)

asyncio.run(main())
