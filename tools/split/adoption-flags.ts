import { MysfitFlag } from '../legacy/mysfits-table';

/** What it takes for DynamoDB's `Adopted` flags to agree with the adoptions. */
export interface FlagPlan {
  mysfits: number;
  adopted: number;
  /** Flags to set, each to its new value. */
  changes: MysfitFlag[];
  /** Adopted mysfits the table does not have. */
  unknown: string[];
}

export function planFlags(flags: MysfitFlag[], adoptedIds: Iterable<string>): FlagPlan {
  const adopted = new Set(adoptedIds);
  const known = new Set(flags.map((flag) => flag.mysfitId));
  return {
    mysfits: flags.length,
    adopted: adopted.size,
    changes: flags
      .filter((flag) => flag.adopted !== adopted.has(flag.mysfitId))
      .map((flag) => ({ mysfitId: flag.mysfitId, adopted: !flag.adopted })),
    unknown: [...adopted].filter((id) => !known.has(id)).sort(),
  };
}
