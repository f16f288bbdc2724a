import asyncio

async def might_fail(n):
    if n == 2:
        raise ValueError("oops!")
    return n * 10

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(might_fail(1))
            tg.create_task(might_fail(2))  # This raises ValueError
            tg.create_task(might_fail(3))
    except* ValueError as eg:
        # except* catches ExceptionGroups (Python 3.11+)
        for exc in eg.exceptions:
            print(f"Caught: {exc}")

asyncio.run(main())
