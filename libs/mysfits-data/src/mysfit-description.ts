export const GOOD_EVIL = ['Good', 'Neutral', 'Evil'] as const;
export const LAW_CHAOS = ['Lawful', 'Neutral', 'Chaotic'] as const;

export type GoodEvil = (typeof GOOD_EVIL)[number];
export type LawChaos = (typeof LAW_CHAOS)[number];

/** Who a mysfit is, as seeded and as drawn: everything but what visitors change (likes, adoption). */
export interface MysfitDescription {
  id: string;
  name: string;
  species: string;
  description: string;
  age: number;
  goodEvil: GoodEvil;
  lawChaos: LawChaos;
  thumbImageUri: string;
  profileImageUri: string;
}
