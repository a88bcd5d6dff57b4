declare module "virtual:catalogs" {
  const catalogs: Record<string, Record<string, string | string[]>>;
  export default catalogs;
}
