import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

const numeric = { to: (value: number) => value, from: (value: string) => Number(value) };

@Entity({ name: 'comments' })
@Index('comments_mysfit_created_idx', ['mysfitId', 'createdAt'])
export class CommentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'mysfit_id', type: 'uuid' })
  mysfitId!: string;

  /** A user of the auth service; no foreign key, the users live in another database. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 200 })
  content!: string;

  @Column({ type: 'numeric', precision: 2, scale: 1, transformer: numeric })
  stars!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
