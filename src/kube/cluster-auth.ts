/** Where the API server is and how to prove who we are to it: what every way of finding a cluster produces. */
export type ClusterAuth = {
  server: string;
  ca?: Buffer;
  insecureSkipTlsVerify: boolean;
  cert?: Buffer;
  key?: Buffer;
  token?: string;
  /** Where the settings came from, for error messages. */
  source: string;
};
