import { planFlags } from './adoption-flags';

describe('planFlags', () => {
  const flags = [
    { mysfitId: 'a', adopted: false },
    { mysfitId: 'b', adopted: true },
    { mysfitId: 'c', adopted: true },
    { mysfitId: 'd', adopted: false },
  ];

  it('sets each flag that disagrees with the adoptions, both ways', () => {
    expect(planFlags(flags, ['a', 'b'])).toEqual({
      mysfits: 4,
      adopted: 2,
      changes: [
        { mysfitId: 'a', adopted: true },
        { mysfitId: 'c', adopted: false },
      ],
      unknown: [],
    });
  });

  it('names adopted mysfits the table does not have', () => {
    expect(planFlags(flags, ['b', 'c', 'zz']).unknown).toEqual(['zz']);
  });

  it('changes nothing when they agree', () => {
    expect(planFlags(flags, ['b', 'c']).changes).toEqual([]);
  });
});
