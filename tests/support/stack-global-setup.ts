// Replaced by the local-stack bootstrap (issue #3).
export async function setup(): Promise<void> {}
