import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One row per adopted mysfit: the primary key is what makes a second adoption impossible. */
@Entity({ name: 'adoptions' })
export class AdoptionEntity {
  @PrimaryColumn({ name: 'mysfit_id', type: 'uuid' })
  mysfitId!: string;

  /** A user of the auth service; no foreign key, the users live in another database. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @CreateDateColumn({ name: 'adopted_at', type: 'timestamptz' })
  adoptedAt!: Date;
}
