// Line icons drawn here (24 × 24, stroked in the current colour): emoji differ per platform and are
// missing on some, these look the same everywhere and cost a few hundred bytes.
const PATHS = {
  train: "M4 20l4.5-1L19 8.5 15.5 5 5 15.5zM13.5 7l3.5 3.5",
  adaptive: "M12 3a9 9 0 1 0 9 9M12 7.5a4.5 4.5 0 1 0 4.5 4.5M12 12l7-7M16 5h3v3",
  mistakes: "M4.5 10a8 8 0 0 1 14.4-3.2L20 8M20 3.5V8h-4.5M19.5 14a8 8 0 0 1-14.4 3.2L4 16M4 20.5V16h4.5",
  sim: "M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l2.5 2.5M9.5 2.5h5M19 5.5l1.5-1.5",
  stats: "M4 20h16M7 16.5V11M12 16.5V6M17 16.5v-8",
  filters: "M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4",
  cabinet: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20.5a7.5 7.5 0 0 1 15 0",
  clock: "M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l2.5 2.5M9.5 2.5h5",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; class?: string }) {
  return (
    <svg class={"icon " + (props.class ?? "")} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"
      fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      <path d={PATHS[props.name]} />
    </svg>
  );
}
