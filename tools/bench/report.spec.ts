import { likesCheck, table } from './report';

describe('likesCheck', () => {
  it('accepts every answered like counted once, and timed-out ones that still counted', () => {
    expect(likesCheck({ counted: 1180, sent: 1185, answered: 1172 })).toContain('none lost, none counted twice');
  });

  it('calls out likes that were answered but not counted', () => {
    expect(likesCheck({ counted: 1170, sent: 1185, answered: 1172 })).toContain('LIKES LOST');
  });

  it('calls out more likes counted than were sent', () => {
    expect(likesCheck({ counted: 1186, sent: 1185, answered: 1185 })).toContain('LIKES COUNTED TWICE');
  });
});

describe('table', () => {
  it('aligns columns two spaces apart without trailing spaces', () => {
    expect(
      table(
        ['a', 'bb'],
        [
          ['ccc', 'd'],
          ['e', ''],
        ],
      ),
    ).toBe('a    bb\nccc  d\ne');
  });
});
