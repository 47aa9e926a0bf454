import type { GoodEvil, LawChaos, MysfitDescription } from '@app/mysfits-data';
import type { Mysfit } from './mysfit';

/** A mysfit as stored in DynamoDB, with the original workshop's attribute names. */
export interface MysfitItem {
  MysfitId: string;
  Name: string;
  Species: string;
  Description: string;
  Age: number;
  GoodEvil: GoodEvil;
  LawChaos: LawChaos;
  ThumbImageUri: string;
  ProfileImageUri: string;
  Likes?: number;
  Adopted?: boolean;
}

export function fromItem(item: MysfitItem): Mysfit {
  return {
    id: item.MysfitId,
    name: item.Name,
    species: item.Species,
    description: item.Description,
    age: item.Age,
    goodEvil: item.GoodEvil,
    lawChaos: item.LawChaos,
    thumbImageUri: item.ThumbImageUri,
    profileImageUri: item.ProfileImageUri,
    likes: item.Likes ?? 0,
    adopted: item.Adopted ?? false,
  };
}

/** A new item: no likes yet, not adopted. */
export function newItem(mysfit: MysfitDescription): MysfitItem {
  return {
    MysfitId: mysfit.id,
    Name: mysfit.name,
    Species: mysfit.species,
    Description: mysfit.description,
    Age: mysfit.age,
    GoodEvil: mysfit.goodEvil,
    LawChaos: mysfit.lawChaos,
    ThumbImageUri: mysfit.thumbImageUri,
    ProfileImageUri: mysfit.profileImageUri,
    Likes: 0,
    Adopted: false,
  };
}
