import asyncio

async def say_hello():
    await asyncio.sleep(0.1)
    print("Hello!")

async def main():
    # This creates the coroutine but does NOT start it:
    coro = say_hello()

    # This wraps it in a Task and starts it immediately:
    task = asyncio.create_task(say_hello())

    await task  # Wait for the task to finish

asyncio.run(main())
