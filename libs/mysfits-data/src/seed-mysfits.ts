import type { MysfitDescription } from './mysfit-description';

/**
 * The twelve mysfits every environment starts with: the monolith's migrate command adds them, and
 * `npm run draw-mysfits` draws their portraits. Ids are fixed so that seeding is idempotent.
 */
export const SEED_MYSFITS: readonly MysfitDescription[] = [
  {
    id: '776cd5a6-b67e-5a70-a29f-f05a120ba6ea',
    name: 'Bramblewick',
    species: 'Hedge Troll',
    age: 213,
    goodEvil: 'Good',
    lawChaos: 'Lawful',
    description:
      'Keeps a ledger of every bird nest in his hedge and fines the wind for knocking any down. Gruff until you bring him a stray acorn, after which he is your friend for roughly three centuries.',
    thumbImageUri: '/images/mysfits/bramblewick.svg',
    profileImageUri: '/images/mysfits/bramblewick.svg',
  },
  {
    id: '70516155-86bb-57d4-9bf1-c9fe2889ba28',
    name: 'Quillon',
    species: 'Porcupine Sphinx',
    age: 41,
    goodEvil: 'Neutral',
    lawChaos: 'Lawful',
    description:
      'Asks a riddle before every meal and accepts no wrong answers, including her own. Her quills point due north, which makes her an excellent if prickly travel companion.',
    thumbImageUri: '/images/mysfits/quillon.svg',
    profileImageUri: '/images/mysfits/quillon.svg',
  },
  {
    id: '6a467a2a-c491-564f-93e2-fd89c1ccfda4',
    name: 'Marrowgast',
    species: 'Bone Wyrm',
    age: 900,
    goodEvil: 'Evil',
    lawChaos: 'Lawful',
    description:
      'Files formal complaints against villages before scaring them, in triplicate. Evil, yes, but scrupulously punctual, and he has never once broken a written contract.',
    thumbImageUri: '/images/mysfits/marrowgast.svg',
    profileImageUri: '/images/mysfits/marrowgast.svg',
  },
  {
    id: '9f6bc7f7-8370-58b5-abb0-a624b237b937',
    name: 'Tessaly',
    species: 'Moth Fairy',
    age: 7,
    goodEvil: 'Good',
    lawChaos: 'Neutral',
    description:
      'Follows porch lights from town to town, mending torn screens as payment for the glow. Shy in daylight, talkative after dusk, and allergic to wool sweaters for reasons she will not discuss.',
    thumbImageUri: '/images/mysfits/tessaly.svg',
    profileImageUri: '/images/mysfits/tessaly.svg',
  },
  {
    id: '78280b0a-1a80-52e6-857d-26d02345dcc6',
    name: 'Orbrey',
    species: 'Cloud Ox',
    age: 58,
    goodEvil: 'Neutral',
    lawChaos: 'Neutral',
    description:
      'Drifts about a metre above the meadow and rains a little when he is thinking hard. Has no opinion on most things, which makes him the most restful company in the valley.',
    thumbImageUri: '/images/mysfits/orbrey.svg',
    profileImageUri: '/images/mysfits/orbrey.svg',
  },
  {
    id: '31a8813d-c277-54ca-b73f-9cf3adfe0236',
    name: 'Grimsnatch',
    species: 'Bog Goblin',
    age: 33,
    goodEvil: 'Evil',
    lawChaos: 'Neutral',
    description:
      'Collects left socks and sells them back to their owners at a small markup. Not cruel, exactly; just an entrepreneur with a very flexible sense of ownership.',
    thumbImageUri: '/images/mysfits/grimsnatch.svg',
    profileImageUri: '/images/mysfits/grimsnatch.svg',
  },
  {
    id: 'bafc9268-cfdf-55ff-a3a0-ef154c9f2702',
    name: 'Pipwhistle',
    species: 'Kettle Sprite',
    age: 3,
    goodEvil: 'Good',
    lawChaos: 'Chaotic',
    description:
      'Lives in whatever teapot is nearest and boils it at the most dramatic moment possible. Means well, screams joyfully, and has saved at least two birthday parties from silence.',
    thumbImageUri: '/images/mysfits/pipwhistle.svg',
    profileImageUri: '/images/mysfits/pipwhistle.svg',
  },
  {
    id: 'c2631704-bbe1-55bb-8502-5571625a3f48',
    name: 'Zephyrine',
    species: 'Storm Jackalope',
    age: 12,
    goodEvil: 'Neutral',
    lawChaos: 'Chaotic',
    description:
      'Outruns thunderclaps for fun and leaves little static sparks on every doorknob she passes. Loyal to no one in particular, but she always comes back when it rains.',
    thumbImageUri: '/images/mysfits/zephyrine.svg',
    profileImageUri: '/images/mysfits/zephyrine.svg',
  },
  {
    id: '6ec019a0-39be-58b3-96eb-6749cacfb48c',
    name: 'Vexmire',
    species: 'Shadow Newt',
    age: 66,
    goodEvil: 'Evil',
    lawChaos: 'Chaotic',
    description:
      'Hides in the gaps between floorboards and swaps the salt for the sugar when nobody is looking. Claims it is performance art. The reviews have been mixed.',
    thumbImageUri: '/images/mysfits/vexmire.svg',
    profileImageUri: '/images/mysfits/vexmire.svg',
  },
  {
    id: 'ac7aa03b-72a5-5fff-b34d-91fb8cddb491',
    name: 'Lumen',
    species: 'Lantern Jellyfish',
    age: 150,
    goodEvil: 'Good',
    lawChaos: 'Lawful',
    description:
      'Floats through the harbour at night lighting the way for late fishing boats, strictly according to the tide tables. Glows brighter when thanked, so please do thank her.',
    thumbImageUri: '/images/mysfits/lumen.svg',
    profileImageUri: '/images/mysfits/lumen.svg',
  },
  {
    id: '3bcb4ebd-673e-5d57-a97e-29c71944a888',
    name: 'Cobblestone',
    species: 'Pebble Golem',
    age: 1200,
    goodEvil: 'Neutral',
    lawChaos: 'Lawful',
    description:
      'Was once part of a bridge and still insists on carrying anyone who needs to cross something. Moves slowly, speaks slower, and has never dropped a passenger.',
    thumbImageUri: '/images/mysfits/cobblestone.svg',
    profileImageUri: '/images/mysfits/cobblestone.svg',
  },
  {
    id: 'eca68848-0b98-5a45-a2a7-d1327b9f8db5',
    name: 'Nettlefang',
    species: 'Thorn Wolf',
    age: 19,
    goodEvil: 'Evil',
    lawChaos: 'Chaotic',
    description:
      'Howls in bramble patches and sheds burrs on purpose onto freshly washed laundry. Secretly hopes someone will brush out his coat, though he would bite you for saying so.',
    thumbImageUri: '/images/mysfits/nettlefang.svg',
    profileImageUri: '/images/mysfits/nettlefang.svg',
  },
];
