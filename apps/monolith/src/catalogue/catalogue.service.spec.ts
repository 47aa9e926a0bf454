import { MysfitsRepository } from './mysfits.repository';
import { MysfitsService } from './mysfits.service';

describe('MysfitsService.list', () => {
  const list = jest.fn().mockResolvedValue([]);
  const service = new MysfitsService({ list } as unknown as MysfitsRepository);
  beforeEach(() => list.mockClear());

  it('lists everything without a filter', async () => {
    await service.list();
    expect(list).toHaveBeenCalledWith(undefined);
  });

  it.each([
    ['GoodEvil', 'Neutral'],
    ['LawChaos', 'Lawful'],
  ] as const)('passes a valid %s filter on', async (axis, value) => {
    await service.list(axis, value);
    expect(list).toHaveBeenCalledWith({ axis, value });
  });

  it.each([
    ['GoodEvil', 'Lawful'],
    ['LawChaos', 'good'],
    ['GoodEvil', undefined],
    [undefined, 'Good'],
  ] as const)('refuses %s=%s with UNSUPPORTED_FILTER', async (axis, value) => {
    await expect(service.list(axis, value)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILTER' });
    expect(list).not.toHaveBeenCalled();
  });
});
