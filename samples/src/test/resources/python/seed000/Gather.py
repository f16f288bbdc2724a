import asyncio

async def task_a():
    await asyncio.sleep(1)
    return "A"

async def task_b():
    await asyncio.sleep(2)
    return "B"

async def task_c():
    await asyncio.sleep(0.5)
    return "C"

async def main():
    # gather запускает все корутины параллельно
    results = await asyncio.gather(task_a(), task_b(), task_c())
    print(results)  # ['A', 'B', 'C'] - порядок сохраняется

asyncio.run(main())
