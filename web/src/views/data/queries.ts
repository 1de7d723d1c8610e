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

/** Checks a token before keeping it: 204 = valid. */
export function checkToken(token: string): Promise<void> {
  return api<void>("/auth/check", { token });
}
