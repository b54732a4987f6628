// The services `npm start` runs, with their contract ports (ARCHITECTURE.md). Add a service here when it exists.
export const services = [
  { name: 'complaints', port: 3001 },
  { name: 'surveys', port: 3002 },
  { name: 'campaigns', port: 3003 },
  { name: 'community', port: 3004 },
  { name: 'confidentiality', port: 3005 },
  { name: 'projections', port: 3006 },
];
