import asyncio

async def broken():
    raise RuntimeError("boom")

async def main():
    task = asyncio.create_task(broken())
    # If you never await this task, Python will log:
    # "Task exception was never retrieved"

asyncio.run(main())
