// Counters for operators, printed in the Prometheus text format by GET /metrics.
export class Metrics {
  roomsOpen = 0
  connections = 0
  messagesIn = 0
  messagesOut = 0
  messagesDropped = 0
  bytesPersisted = 0
  boardsCreated = 0
  connectionsRefused = 0

  render(): string {
    const lines: string[] = []
    const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`)
    }
    metric('mdo_rooms_open', 'gauge', 'Documents loaded in memory.', this.roomsOpen)
    metric('mdo_connections', 'gauge', 'Open websocket connections.', this.connections)
    metric('mdo_messages_in_total', 'counter', 'Websocket messages received.', this.messagesIn)
    metric('mdo_messages_out_total', 'counter', 'Websocket messages sent.', this.messagesOut)
    metric(
      'mdo_messages_dropped_total',
      'counter',
      'Writes dropped because the link may not write.',
      this.messagesDropped,
    )
    metric('mdo_bytes_persisted_total', 'counter', 'Update bytes written.', this.bytesPersisted)
    metric('mdo_boards_created_total', 'counter', 'Boards created.', this.boardsCreated)
    metric(
      'mdo_connections_refused_total',
      'counter',
      'Connections refused or closed by a limit.',
      this.connectionsRefused,
    )
    metric('process_resident_memory_bytes', 'gauge', 'Resident memory.', process.memoryUsage.rss())
    return lines.join('\n') + '\n'
  }
}
