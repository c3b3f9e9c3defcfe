/**
 * Areas may keep their texts in their own file (messages/<area>.<locale>.json, each holding its
 * own top-level namespaces) so that work on two areas does not collide in one file.
 */
export const MESSAGE_AREAS = ["livecodes", "calendar", "content", "sop", "dispatch", "dashboards", "links", "experiments"] as const;
