import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MysfitDescription, SEED_MYSFITS } from '@app/mysfits-data';
import { repoRoot } from '../launcher/repo';

/**
 * Draws the portrait of each seed mysfit as an SVG (`npm run draw-mysfits`). Colour follows GoodEvil,
 * body shape follows LawChaos, and a feature or two follows the species; the rest is seeded by the name,
 * so the drawings are the same on every run. The output is committed under apps/monolith/web.
 */
const PALETTE = {
  Good: { body: '#7cc6a4', shade: '#4f9c7b', sky: '#e9f7ef' },
  Neutral: { body: '#a9a3d6', shade: '#7a73b3', sky: '#f0eefb' },
  Evil: { body: '#d46a7e', shade: '#9e3f55', sky: '#fbe9ec' },
} as const;

const BODY = {
  Lawful: 'M60 150 C60 90 180 90 180 150 C180 205 60 205 60 150 Z',
  Neutral: 'M70 160 C55 110 95 80 120 80 C145 80 185 110 170 160 C160 205 80 205 70 160 Z',
  Chaotic:
    'M62 150 L50 118 L82 112 L84 80 L112 96 L130 70 L142 100 L176 92 L166 124 L192 144 L166 160 L176 192 L140 186 L120 206 L100 186 L64 192 L74 160 Z',
} as const;

const FEATURES: [RegExp, (shade: string) => string][] = [
  [/troll|goblin|wyrm|newt/i, (c) => `<path d="M92 92 L80 58 L104 86 Z M148 92 L160 58 L136 86 Z" fill="${c}"/>`],
  [/jackalope|wolf|ox/i, (c) => `<path d="M88 96 C70 60 86 40 98 88 Z M152 96 C170 60 154 40 142 88 Z" fill="${c}"/>`],
  [
    /fairy|moth/i,
    (c) =>
      `<ellipse cx="58" cy="120" rx="30" ry="44" fill="${c}" opacity=".45"/><ellipse cx="182" cy="120" rx="30" ry="44" fill="${c}" opacity=".45"/>`,
  ],
  [
    /jellyfish/i,
    (c) =>
      [80, 100, 120, 140, 160]
        .map((x) => `<path d="M${x} 190 q-8 18 0 34" stroke="${c}" stroke-width="5" fill="none"/>`)
        .join(''),
  ],
  [
    /porcupine|hedge|thorn/i,
    (c) =>
      [70, 90, 110, 130, 150, 170]
        .map((x, i) => `<path d="M${x} ${104 - (i % 2) * 6} l6 -22 l6 22 Z" fill="${c}"/>`)
        .join(''),
  ],
  [
    /kettle/i,
    (c) =>
      `<path d="M176 140 C200 130 206 112 214 104" stroke="${c}" stroke-width="9" fill="none" stroke-linecap="round"/>`,
  ],
  [
    /golem|bone/i,
    (c) => `<path d="M92 170 L110 160 M130 172 L150 158 M100 130 L120 140" stroke="${c}" stroke-width="4"/>`,
  ],
  [
    /cloud|sphinx/i,
    (c) =>
      `<circle cx="74" cy="112" r="18" fill="${c}" opacity=".5"/><circle cx="168" cy="116" r="14" fill="${c}" opacity=".5"/>`,
  ],
];

export function drawMysfit(mysfit: MysfitDescription): string {
  const colours = PALETTE[mysfit.goodEvil];
  const seed = createHash('sha256').update(mysfit.name).digest();
  const eyeGap = 16 + (seed[0] % 12);
  const eyeSize = 7 + (seed[1] % 6);
  const smile = mysfit.goodEvil === 'Evil' ? 'M104 162 Q120 152 136 162' : 'M102 158 Q120 174 138 158';
  const features = FEATURES.filter(([species]) => species.test(mysfit.species))
    .map(([, draw]) => draw(colours.shade))
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" role="img" aria-label="${mysfit.name}, a ${mysfit.species}">
<rect width="240" height="240" rx="24" fill="${colours.sky}"/>
<circle cx="${40 + (seed[2] % 160)}" cy="${30 + (seed[3] % 30)}" r="${6 + (seed[4] % 8)}" fill="${colours.body}" opacity=".35"/>
${features}
<path d="${BODY[mysfit.lawChaos]}" fill="${colours.body}" stroke="${colours.shade}" stroke-width="4"/>
<circle cx="${120 - eyeGap}" cy="134" r="${eyeSize + 5}" fill="#fff"/><circle cx="${120 + eyeGap}" cy="134" r="${eyeSize + 5}" fill="#fff"/>
<circle cx="${120 - eyeGap + 2}" cy="136" r="${eyeSize}" fill="#2d2a32"/><circle cx="${120 + eyeGap + 2}" cy="136" r="${eyeSize}" fill="#2d2a32"/>
<path d="${smile}" stroke="#2d2a32" stroke-width="4" fill="none" stroke-linecap="round"/>
</svg>
`;
}

function main(): void {
  const folder = join(repoRoot(), 'apps', 'monolith', 'web', 'images', 'mysfits');
  mkdirSync(folder, { recursive: true });
  for (const mysfit of SEED_MYSFITS) {
    writeFileSync(join(folder, basename(mysfit.profileImageUri)), drawMysfit(mysfit));
  }
  process.stdout.write(`Drew ${SEED_MYSFITS.length} mysfits into ${folder}\n`);
}

main();
