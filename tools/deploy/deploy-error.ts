/** A problem the person deploying can fix, said in one line; the deploy stops before applying anything. */
export class DeployError extends Error {
  override readonly name = 'DeployError';
}
