export interface Comment {
  id: string;
  mysfitId: string;
  userId: string;
  content: string;
  stars: number;
  createdAt: Date;
}

export abstract class CommentsRepository {
  abstract add(comment: Omit<Comment, 'createdAt'>): Promise<Comment>;
  /** The newest first, at most `limit`. */
  abstract latestFor(mysfitId: string, limit: number): Promise<Comment[]>;
}
