import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';

describe('CatalogueService.list', () => {
  const list = jest.fn().mockResolvedValue([]);
  const service = new CatalogueService({ list } as unknown as CatalogueRepository);
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
