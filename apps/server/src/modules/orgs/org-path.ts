/** Org paths are the ids from the county down, each followed by '/'. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);
export const childPath = (parentPath: string, id: string): string => `${parentPath}${id}/`;
