import { join } from 'node:path';

/** One address nginx answers on, and the replicas it spreads that address's requests over. */
export interface Balanced {
  /** The upstream's name: `gateway`, or a subgraph's. */
  name: string;
  /** The loopback port nginx listens on for it. */
  port: number;
  /** Each replica's loopback port. */
  replicas: number[];
}

/**
 * The body nginx answers with when no gateway answered a client's request: a GraphQL error with a
 * code, as every other refusal, rather than nginx's HTML page. The operation may have run (the
 * gateway that had it was stopped part way), so the client is told to look before sending a change again.
 */
export const NO_GATEWAY_ANSWERED = JSON.stringify({
  errors: [
    {
      message: 'the gateway stopped answering while it had this request: a change it asked for may or may not have been made; read before sending it again',
      extensions: { code: 'GATEWAY_UNAVAILABLE' },
    },
  ],
});

/**
 * nginx's whole configuration for the cluster: one upstream per service, each on a loopback port
 * of its own; every file nginx writes (pid, logs, request bodies) under `dir`.
 *
 * Failover is passive: a replica that refuses a connection, or cannot be reached within a second,
 * is passed over for the next (`proxy_next_upstream error timeout`) and left alone for 5 s. A POST
 * (every GraphQL operation here) goes to the next replica only when it was never sent to the first
 * (nginx's rule for non-idempotent requests, kept: no `non_idempotent`). A refused connection sent
 * nothing, so moving on is safe; a request already sent to a replica that then died may have run
 * there, and sending it again could register a member twice: it fails instead, with a 502, and the
 * client decides. The access log names the upstream that answered each request and its request id.
 */
export function nginxConfig(dir: string, fronts: Balanced[]): string {
  const at = (file: string) => join(dir, file);
  const upstream = (b: Balanced) => `  upstream ${b.name} {
${b.replicas.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n')}
    # Connections kept open to the replicas, closed before the services' own 5 s keep-alive timeout
    # would close them under a request nginx is sending.
    keepalive 16;
    keepalive_timeout 4s;
  }`;
  // The proxying of one location; `retry: false` never sends a request on to another replica.
  const proxied = (b: Balanced, retry: boolean) => `      proxy_pass http://${b.name};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream ${retry ? 'error timeout' : 'off'};
      proxy_next_upstream_tries ${retry ? b.replicas.length : 1};
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;${
        b.name === 'gateway'
          ? `
      error_page 502 504 = @no_gateway_answered;`
          : ''
      }`;
  const server = (b: Balanced) => `  server {
    listen 127.0.0.1:${b.port};
    location / {
${proxied(b, true)}
    }${
      b.name === 'gateway'
        ? `
    # The releases to a member (access reports, portability exports) are GETs that record a
    # disclosure: nginx takes a GET for idempotent and would send one whose gateway died after
    # recording it to the other, recording or refusing it twice. Never passed on.
    location /privacy/ {
${proxied(b, false)}
    }
    location @no_gateway_answered {
      default_type application/json;
      return 502 '${NO_GATEWAY_ANSWERED}';
    }`
        : ''
    }
  }`;
  return `# Written by packages/cluster at every start; edits are lost.
worker_processes 1;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
daemon off;

events {
  worker_connections 1024;
}

http {
  # Fields split by |: the replicas tried ($upstream_addr) are listed with ", ".
  log_format cluster '$time_iso8601|$server_port|$request_method|$request_uri|$status|$upstream_addr|$upstream_status|$request_time|$http_x_request_id';
  access_log ${at('access.log')} cluster;
  client_body_temp_path ${at('temp/client-body')};
  proxy_temp_path ${at('temp/proxy')};
  fastcgi_temp_path ${at('temp/fastcgi')};
  uwsgi_temp_path ${at('temp/uwsgi')};
  scgi_temp_path ${at('temp/scgi')};
  # The services set their own body limits, and answer an oversized body with a GraphQL error.
  client_max_body_size 0;

${fronts.map(upstream).join('\n\n')}

${fronts.map(server).join('\n\n')}
}
`;
}
