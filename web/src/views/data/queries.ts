import type { SessionInfo } from "@im/server/schemas/accounts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { ImportSummary, ImportsResponse, ProfilesResponse } from "../../api/types.ts";

export const profilesQuery = () =>
  queryOptions({
    queryKey: ["profiles"],
    queryFn: ({ signal }) => api<ProfilesResponse>("/profiles", { signal }),
  });

export const importsQuery = () =>
  queryOptions({
    queryKey: ["imports"],
    queryFn: ({ signal }) => api<ImportsResponse>("/imports", { signal }),
  });

export interface UploadInput {
  profile: string;
  file: File;
  replace: boolean;
}

/** Multipart upload; the file goes last so the server has read `profile` and `replace` before the bytes. */
export function uploadImport({ profile, file, replace }: UploadInput): Promise<ImportSummary> {
  const body = new FormData();
  body.set("profile", profile);
  if (replace) body.set("replace", "true");
  body.set("file", file, file.name);
  return api<ImportSummary>("/imports", { method: "POST", body });
}

/** Signs in: the server sets the session cookie and names the account and its CSRF token. */
export function login(name: string, password: string): Promise<SessionInfo> {
  return api<SessionInfo>("/auth/login", { method: "POST", json: { name, password } });
}
