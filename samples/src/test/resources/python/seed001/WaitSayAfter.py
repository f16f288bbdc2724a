import asyncio

async def say_after(delay, message):
    await asyncio.sleep(delay)
    print(message)

async def main():
    tasks = [
        asyncio.create_task(say_after(1, "Hello")),
        asyncio.create_task(say_after(2, "World"))
    ]
    await asyncio.wait(tasks)

asyncio.run(main())
