# LifoQueue and PriorityQueue orders (heapq's, equal priorities included).
import asyncio
async def main():
    lq = asyncio.LifoQueue()
    for i in range(4):
        lq.put_nowait(i)
    print([lq.get_nowait() for _ in range(4)])
    pq = asyncio.PriorityQueue()
    for item in [5, 1, 4, 1, 3, 9, 2, 6, 5, 3]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(10)])
    pq = asyncio.PriorityQueue()
    class Job:
        def __init__(self, prio, name): self.prio, self.name = prio, name
        def __lt__(self, other): return self.prio < other.prio
    for prio, name in [(2, "a"), (1, "b"), (2, "c"), (1, "d"), (2, "e"), (1, "f"), (2, "g"), (3, "h"), (1, "i")]:
        pq.put_nowait(Job(prio, name))
    print([pq.get_nowait().name for _ in range(9)])
asyncio.run(main())
