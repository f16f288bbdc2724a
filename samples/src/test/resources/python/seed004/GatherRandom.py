import asyncio

# Deterministic stand-in for random.randint(1, 5): the values of the run the seed shows, in call order (the
# Java port uses the same ones), so that every run prints the same lines in the same order.
RAND_TIMES = [5, 3, 2, 2, 4, 5, 4, 3, 1, 2]
calls = 0

def randint(a: int, b: int) -> int:
    global calls
    value = RAND_TIMES[calls % len(RAND_TIMES)]
    calls += 1
    assert a <= value <= b
    return value
  
async def coro(number: int):
    rand_time: int = randint(1,5)
    await asyncio.sleep(rand_time)
    print(f"номер выполнения: {number}, время выполнения: {rand_time} сек")
  
async def main():
    await asyncio.gather(
    *[coro(i) for i in range(10)]
    )
  
asyncio.run(main())
