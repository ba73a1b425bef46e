// The parameter names of every command the Exchange snippets run, taken from the SYNTAX section of
// Microsoft's cmdlet reference (all parameter sets merged). `source` names the reference page:
// Exchange cmdlets from MicrosoftDocs/office-docs-powershell (exchange/exchange-ps/exchange/),
// Windows PowerShell cmdlets from MicrosoftDocs/PowerShell-Docs (reference/5.1/), Resolve-DnsName from
// MicrosoftDocs/windows-powershell-docs (docset/winserver2022-ps/dnsclient/).
// Names compare case-insensitively, as PowerShell binds them.

export interface CmdletReference {
  readonly source: string;
  readonly parameters: readonly string[];
}

/** The common parameters every cmdlet takes (about_CommonParameters). */
export const COMMON_PARAMETERS: readonly string[] = [
  'Debug', 'ErrorAction', 'ErrorVariable', 'InformationAction', 'InformationVariable', 'OutVariable', 'OutBuffer',
  'PipelineVariable', 'Verbose', 'WarningAction', 'WarningVariable',
];

const exchange = (page: string): string => `office-docs-powershell exchange/exchange-ps/exchange/${page}.md`;
const utility = (page: string): string => `PowerShell-Docs reference/5.1/Microsoft.PowerShell.Utility/${page}.md`;
const core = (page: string): string => `PowerShell-Docs reference/5.1/Microsoft.PowerShell.Core/${page}.md`;
const management = (page: string): string => `PowerShell-Docs reference/5.1/Microsoft.PowerShell.Management/${page}.md`;

const QUEUE_ACTION = ['Identity', 'Filter', 'Server', 'Confirm', 'WhatIf'];

export const CMDLETS: Readonly<Record<string, CmdletReference>> = {
  // Message tracking and delivery reports
  'Get-MessageTrackingLog': {
    source: exchange('Get-MessageTrackingLog'),
    parameters: ['DomainController', 'End', 'EventId', 'InternalMessageId', 'MessageId', 'MessageSubject', 'Recipients',
      'Reference', 'ResultSize', 'Sender', 'Server', 'Start', 'NetworkMessageId', 'Source', 'TransportTrafficType'],
  },
  'Get-TransportService': { source: exchange('Get-TransportService'), parameters: ['Identity', 'DomainController'] },
  'Set-TransportService': {
    source: exchange('Set-TransportService'),
    parameters: ['Identity', 'ActiveUserStatisticsLogMaxAge', 'ActiveUserStatisticsLogMaxDirectorySize',
      'ActiveUserStatisticsLogMaxFileSize', 'ActiveUserStatisticsLogPath', 'AgentLogEnabled', 'AgentLogMaxAge',
      'AgentLogMaxDirectorySize', 'AgentLogMaxFileSize', 'AgentLogPath', 'AntispamAgentsEnabled', 'Confirm',
      'ConnectivityLogEnabled', 'ConnectivityLogMaxAge', 'ConnectivityLogMaxDirectorySize', 'ConnectivityLogMaxFileSize',
      'ConnectivityLogPath', 'ContentConversionTracingEnabled', 'DelayNotificationTimeout', 'DnsLogEnabled', 'DnsLogMaxAge',
      'DnsLogMaxDirectorySize', 'DnsLogMaxFileSize', 'DnsLogPath', 'DomainController', 'ExternalDNSAdapterEnabled',
      'ExternalDNSAdapterGuid', 'ExternalDNSProtocolOption', 'ExternalDNSServers', 'ExternalIPAddress',
      'InternalDNSAdapterEnabled', 'InternalDNSAdapterGuid', 'InternalDNSProtocolOption', 'InternalDNSServers',
      'IntraOrgConnectorProtocolLoggingLevel', 'IntraOrgConnectorSmtpMaxMessagesPerConnection', 'IrmLogEnabled',
      'IrmLogMaxAge', 'IrmLogMaxDirectorySize', 'IrmLogMaxFileSize', 'IrmLogPath', 'JournalLogEnabled', 'JournalLogMaxAge',
      'JournalLogMaxDirectorySize', 'JournalLogMaxFileSize', 'JournalLogPath', 'MaxConcurrentMailboxDeliveries',
      'MaxConcurrentMailboxSubmissions', 'MaxConnectionRatePerMinute', 'MaxOutboundConnections',
      'MaxPerDomainOutboundConnections', 'MessageExpirationTimeout', 'MessageRetryInterval', 'MessageTrackingLogEnabled',
      'MessageTrackingLogMaxAge', 'MessageTrackingLogMaxDirectorySize', 'MessageTrackingLogMaxFileSize',
      'MessageTrackingLogPath', 'MessageTrackingLogSubjectLoggingEnabled', 'OutboundConnectionFailureRetryInterval',
      'PickupDirectoryMaxHeaderSize', 'PickupDirectoryMaxMessagesPerMinute', 'PickupDirectoryMaxRecipientsPerMessage',
      'PickupDirectoryPath', 'PipelineTracingEnabled', 'PipelineTracingPath', 'PipelineTracingSenderAddress',
      'PoisonMessageDetectionEnabled', 'PoisonThreshold', 'QueueLogMaxAge', 'QueueLogMaxDirectorySize', 'QueueLogMaxFileSize',
      'QueueLogPath', 'QueueMaxIdleTime', 'ReceiveProtocolLogMaxAge', 'ReceiveProtocolLogMaxDirectorySize',
      'ReceiveProtocolLogMaxFileSize', 'ReceiveProtocolLogPath', 'RecipientValidationCacheEnabled', 'ReplayDirectoryPath',
      'ResourceLogEnabled', 'ResourceLogMaxAge', 'ResourceLogMaxDirectorySize', 'ResourceLogMaxFileSize', 'ResourceLogPath',
      'RootDropDirectoryPath', 'RoutingTableLogMaxAge', 'RoutingTableLogMaxDirectorySize', 'RoutingTableLogPath',
      'SendProtocolLogMaxAge', 'SendProtocolLogMaxDirectorySize', 'SendProtocolLogMaxFileSize', 'SendProtocolLogPath',
      'ServerStatisticsLogMaxAge', 'ServerStatisticsLogMaxDirectorySize', 'ServerStatisticsLogMaxFileSize',
      'ServerStatisticsLogPath', 'TransientFailureRetryCount', 'TransientFailureRetryInterval',
      'TransportMaintenanceLogEnabled', 'TransportMaintenanceLogMaxAge', 'TransportMaintenanceLogMaxDirectorySize',
      'TransportMaintenanceLogMaxFileSize', 'TransportMaintenanceLogPath', 'TransportSyncAccountsPoisonAccountThreshold',
      'TransportSyncAccountsPoisonDetectionEnabled', 'TransportSyncAccountsPoisonItemThreshold',
      'TransportSyncAccountsSuccessivePoisonItemThreshold', 'TransportSyncEnabled', 'TransportSyncExchangeEnabled',
      'TransportSyncHubHealthLogEnabled', 'TransportSyncHubHealthLogFilePath', 'TransportSyncHubHealthLogMaxAge',
      'TransportSyncHubHealthLogMaxDirectorySize', 'TransportSyncHubHealthLogMaxFileSize', 'TransportSyncImapEnabled',
      'TransportSyncLogEnabled', 'TransportSyncLogFilePath', 'TransportSyncLogLoggingLevel', 'TransportSyncLogMaxAge',
      'TransportSyncLogMaxDirectorySize', 'TransportSyncLogMaxFileSize', 'TransportSyncMaxDownloadItemsPerConnection',
      'TransportSyncMaxDownloadSizePerConnection', 'TransportSyncMaxDownloadSizePerItem', 'TransportSyncPopEnabled',
      'TransportSyncRemoteConnectionTimeout', 'UseDowngradedExchangeServerAuth', 'WhatIf',
      'WindowsLiveHotmailTransportSyncEnabled', 'WlmLogMaxAge', 'WlmLogMaxDirectorySize', 'WlmLogMaxFileSize', 'WlmLogPath',
      'RequestBrokerLogEnabled', 'RequestBrokerLogMaxAge', 'RequestBrokerLogMaxDirectorySize', 'RequestBrokerLogMaxFileSize',
      'RequestBrokerLogPath', 'TransportHttpLogEnabled', 'TransportHttpLogMaxAge', 'TransportHttpLogMaxDirectorySize',
      'TransportHttpLogMaxFileSize', 'TransportHttpLogPath'],
  },
  'Search-MessageTrackingReport': {
    source: exchange('Search-MessageTrackingReport'),
    parameters: ['Identity', 'Sender', 'Recipients', 'BypassDelegateChecking', 'Confirm', 'DomainController', 'DoNotResolve',
      'MessageEntryId', 'MessageId', 'ResultSize', 'Subject', 'TraceLevel', 'WhatIf'],
  },
  'Get-MessageTrackingReport': {
    source: exchange('Get-MessageTrackingReport'),
    parameters: ['Identity', 'BypassDelegateChecking', 'DetailLevel', 'DomainController', 'DoNotResolve',
      'RecipientPathFilter', 'Recipients', 'ReportTemplate', 'ResultSize', 'Status', 'TraceLevel'],
  },

  // Remote domains and NDRs
  'Get-RemoteDomain': { source: exchange('Get-RemoteDomain'), parameters: ['Identity', 'DomainController', 'Organization'] },
  'Set-RemoteDomain': {
    source: exchange('Set-RemoteDomain'),
    parameters: ['Identity', 'AllowedOOFType', 'AutoForwardEnabled', 'AutoReplyEnabled', 'ByteEncoderTypeFor7BitCharsets',
      'CharacterSet', 'Confirm', 'ContentType', 'DeliveryReportEnabled', 'DisplaySenderName', 'DomainController',
      'IsCoexistenceDomain', 'IsInternal', 'LineWrapSize', 'MeetingForwardNotificationEnabled', 'MessageCountThreshold',
      'Name', 'NDRDiagnosticInfoEnabled', 'NDREnabled', 'NonMimeCharacterSet', 'PreferredInternetCodePageForShiftJis',
      'RequiredCharsetCoverage', 'TargetDeliveryDomain', 'TNEFEnabled', 'TrustedMailInboundEnabled',
      'TrustedMailOutboundEnabled', 'UseSimpleDisplayName', 'WhatIf'],
  },

  // Queues and queued messages
  'Get-Queue': {
    source: exchange('Get-Queue'),
    parameters: ['Identity', 'BookmarkIndex', 'BookmarkObject', 'IncludeBookmark', 'ResultSize', 'ReturnPageInfo',
      'SearchForward', 'SortOrder', 'Exclude', 'Include', 'Filter', 'Server'],
  },
  'Retry-Queue': { source: exchange('Retry-Queue'), parameters: [...QUEUE_ACTION, 'Resubmit'] },
  'Suspend-Queue': { source: exchange('Suspend-Queue'), parameters: QUEUE_ACTION },
  'Resume-Queue': { source: exchange('Resume-Queue'), parameters: QUEUE_ACTION },
  'Get-Message': {
    source: exchange('Get-Message'),
    parameters: ['Identity', 'Filter', 'Queue', 'BookmarkIndex', 'BookmarkObject', 'IncludeBookmark',
      'IncludeComponentLatencyInfo', 'IncludeRecipientInfo', 'ResultSize', 'ReturnPageInfo', 'SearchForward', 'Server',
      'SortOrder'],
  },
  'Suspend-Message': { source: exchange('Suspend-Message'), parameters: QUEUE_ACTION },
  'Resume-Message': { source: exchange('Resume-Message'), parameters: QUEUE_ACTION },
  'Remove-Message': { source: exchange('Remove-Message'), parameters: [...QUEUE_ACTION, 'WithNDR'] },
  'Export-Message': { source: exchange('Export-Message'), parameters: ['Identity', 'Confirm', 'WhatIf'] },
  // Not a cmdlet: the filter the Exchange 2010 Management Shell profile defines, `Filter AssembleMessage ([String] $Path)`.
  'AssembleMessage': { source: 'Exchange 2010 RemoteExchange.ps1 profile (used by the Export-Message reference examples)', parameters: ['Path'] },

  // Exchange Online
  'Connect-ExchangeOnline': {
    source: `${exchange('Connect-ExchangeOnline')} and docs-conceptual/connect-to-exchange-online-powershell.md`,
    parameters: ['ConnectionUri', 'AzureADAuthorizationEndpointUri', 'ExchangeEnvironmentName', 'PSSessionOption',
      'DelegatedOrganization', 'Prefix', 'CommandName', 'FormatTypeName', 'AppId', 'BypassMailboxAnchoring', 'Certificate',
      'CertificateFilePath', 'CertificatePassword', 'CertificateThumbprint', 'Credential', 'Device', 'EnableErrorReporting',
      'InlineCredential', 'LogDirectoryPath', 'LogLevel', 'Organization', 'PageSize', 'ShowBanner', 'ShowProgress',
      'SkipImportSession', 'TrackPerformance', 'UseMultithreading', 'UserPrincipalName', 'ManagedIdentity',
      'ManagedIdentityAccountId', 'UseRPSSession'],
  },
  'Get-MessageTraceV2': {
    source: exchange('Get-MessageTraceV2'),
    parameters: ['EndDate', 'FromIP', 'MessageId', 'MessageTraceId', 'RecipientAddress', 'ResultSize', 'SenderAddress',
      'StartDate', 'StartingRecipientAddress', 'Status', 'SubjectFilterType', 'Subject', 'ToIP'],
  },
  'Get-MessageTraceDetailV2': {
    source: exchange('Get-MessageTraceDetailV2'),
    parameters: ['MessageTraceId', 'RecipientAddress', 'Action', 'EndDate', 'Event', 'MessageId', 'SenderAddress', 'StartDate'],
  },
  'Get-MessageTrace': {
    source: exchange('Get-MessageTrace'),
    parameters: ['EndDate', 'Expression', 'FromIP', 'MessageId', 'MessageTraceId', 'Page', 'PageSize', 'ProbeTag',
      'RecipientAddress', 'SenderAddress', 'StartDate', 'Status', 'ToIP'],
  },
  'Start-HistoricalSearch': {
    source: exchange('Start-HistoricalSearch'),
    parameters: ['EndDate', 'ReportTitle', 'ReportType', 'StartDate', 'BlockStatus', 'CompressFile', 'ConnectorType',
      'DeliveryStatus', 'Direction', 'DLPPolicy', 'EncryptionTemplate', 'EncryptionType', 'Locale', 'MessageID',
      'NetworkMessageID', 'NotifyAddress', 'OriginalClientIP', 'RecipientAddress', 'SenderAddress', 'SmtpSecurityError',
      'TLSUsed', 'TransportRule', 'Url'],
  },
  'Get-HistoricalSearch': { source: exchange('Get-HistoricalSearch'), parameters: ['JobId'] },

  // Diagnostics
  'Test-Mailflow': {
    source: exchange('Test-Mailflow'),
    parameters: ['Identity', 'AutoDiscoverTargetMailboxServer', 'ActiveDirectoryTimeout', 'Confirm', 'DomainController',
      'ErrorLatency', 'ExecutionTimeout', 'MonitoringContext', 'WhatIf', 'CrossPremises', 'CrossPremisesExpirationTimeout',
      'CrossPremisesPendingErrorCount', 'TargetDatabase', 'TargetEmailAddress', 'TargetEmailAddressDisplayName',
      'TargetMailboxServer'],
  },
  'Get-ReceiveConnector': { source: exchange('Get-ReceiveConnector'), parameters: ['Identity', 'DomainController', 'Server'] },
  'Set-ReceiveConnector': {
    source: exchange('Set-ReceiveConnector'),
    parameters: ['Identity', 'AdvertiseClientSettings', 'AuthMechanism', 'Banner', 'BareLinefeedRejectionEnabled',
      'BinaryMimeEnabled', 'Bindings', 'ChunkingEnabled', 'Comment', 'Confirm', 'ConnectionInactivityTimeout',
      'ConnectionTimeout', 'DefaultDomain', 'DeliveryStatusNotificationEnabled', 'DomainController', 'DomainSecureEnabled',
      'EightBitMimeEnabled', 'EnableAuthGSSAPI', 'Enabled', 'EnhancedStatusCodesEnabled', 'ExtendedProtectionPolicy', 'Fqdn',
      'LongAddressesEnabled', 'MaxAcknowledgementDelay', 'MaxHeaderSize', 'MaxHopCount', 'MaxInboundConnection',
      'MaxInboundConnectionPercentagePerSource', 'MaxInboundConnectionPerSource', 'MaxLocalHopCount', 'MaxLogonFailures',
      'MaxMessageSize', 'MaxProtocolErrors', 'MaxRecipientsPerMessage', 'MessageRateLimit', 'MessageRateSource', 'Name',
      'OrarEnabled', 'PermissionGroups', 'PipeliningEnabled', 'ProtocolLoggingLevel', 'RemoteIPRanges', 'RequireEHLODomain',
      'RequireTLS', 'SizeEnabled', 'SuppressXAnonymousTls', 'TarpitInterval', 'TlsDomainCapabilities', 'WhatIf',
      'ServiceDiscoveryFqdn', 'SmtpUtf8Enabled', 'TlsCertificateName', 'TransportRole', 'AuthTarpitInterval',
      'RejectReservedSecondLevelRecipientDomains', 'RejectReservedTopLevelRecipientDomains',
      'RejectSingleLabelRecipientDomains'],
  },
  'Get-SendConnector': { source: exchange('Get-SendConnector'), parameters: ['Identity', 'DomainController'] },
  'Set-SendConnector': {
    source: exchange('Set-SendConnector'),
    parameters: ['Identity', 'AddressSpaces', 'AuthenticationCredential', 'Comment', 'Confirm', 'ConnectionInactivityTimeOut',
      'DNSRoutingEnabled', 'DomainController', 'DomainSecureEnabled', 'Enabled', 'ErrorPolicies', 'Force', 'ForceHELO', 'Fqdn',
      'IgnoreSTARTTLS', 'IsCoexistenceConnector', 'IsScopedConnector', 'LinkedReceiveConnector', 'MaxMessageSize', 'Name',
      'Port', 'ProtocolLoggingLevel', 'RequireOorg', 'RequireTLS', 'SmartHostAuthMechanism', 'SmartHosts',
      'SmtpMaxMessagesPerConnection', 'SourceIPAddress', 'SourceTransportServers', 'TlsAuthLevel', 'TlsDomain',
      'UseExternalDNSServersEnabled', 'WhatIf', 'CloudServicesMailEnabled', 'FrontendProxyEnabled', 'TlsCertificateName',
      'ConnectorType'],
  },
  'Get-TransportConfig': { source: exchange('Get-TransportConfig'), parameters: ['Identity', 'DomainController'] },
  'Get-AcceptedDomain': { source: exchange('Get-AcceptedDomain'), parameters: ['Identity', 'DomainController', 'Organization'] },
  'Get-Mailbox': {
    source: exchange('Get-Mailbox'),
    parameters: ['Identity', 'Anr', 'Database', 'Server', 'MailboxPlan', 'Arbitration', 'Archive', 'AuditLog', 'AuxAuditLog',
      'Credential', 'DomainController', 'Filter', 'GroupMailbox', 'IgnoreDefaultScope', 'InactiveMailboxOnly',
      'IncludeInactiveMailbox', 'Migration', 'Monitoring', 'OrganizationalUnit', 'PublicFolder', 'ReadFromDomainController',
      'RecipientTypeDetails', 'RemoteArchive', 'ResultSize', 'SoftDeletedMailbox', 'SortBy', 'SupervisoryReviewPolicy'],
  },
  'Get-MailboxStatistics': {
    source: exchange('Get-MailboxStatistics'),
    parameters: ['Identity', 'Database', 'StoreMailboxIdentity', 'Server', 'Archive', 'CopyOnServer', 'DomainController',
      'Filter', 'IncludeMoveHistory', 'IncludeMoveReport', 'IncludePassive', 'IncludeQuarantineDetails',
      'IncludeSoftDeletedRecipients', 'NoADLookup'],
  },
  'Get-DistributionGroup': {
    source: exchange('Get-DistributionGroup'),
    parameters: ['Identity', 'Anr', 'ManagedBy', 'Credential', 'DomainController', 'Filter', 'IgnoreDefaultScope', 'Organization',
      'OrganizationalUnit', 'ReadFromDomainController', 'RecipientTypeDetails', 'ResultSize', 'SortBy', 'AccountPartition',
      'UsnForReconciliationSearch'],
  },
  'Set-DistributionGroup': {
    source: exchange('Set-DistributionGroup'),
    parameters: ['Identity', 'AcceptMessagesOnlyFrom', 'AcceptMessagesOnlyFromDLMembers',
      'AcceptMessagesOnlyFromSendersOrMembers', 'Alias', 'ArbitrationMailbox', 'BypassModerationFromSendersOrMembers',
      'BypassNestedModerationEnabled', 'BypassSecurityGroupManagerCheck', 'Confirm', 'CreateDTMFMap', 'DisplayName',
      'DomainController', 'EmailAddresses', 'EmailAddressPolicyEnabled', 'ExpansionServer', 'ForceUpgrade',
      'GrantSendOnBehalfTo', 'HiddenFromAddressListsEnabled', 'IgnoreDefaultScope', 'IgnoreNamingPolicy', 'MailTip',
      'MailTipTranslations', 'ManagedBy', 'MaxReceiveSize', 'MaxSendSize', 'MemberDepartRestriction',
      'MemberJoinRestriction', 'ModeratedBy', 'ModerationEnabled', 'Name', 'PrimarySmtpAddress', 'RejectMessagesFrom',
      'RejectMessagesFromDLMembers', 'RejectMessagesFromSendersOrMembers', 'ReportToManagerEnabled',
      'ReportToOriginatorEnabled', 'RequireSenderAuthenticationEnabled', 'ResetMigrationToUnifiedGroup', 'RoomList',
      'SamAccountName', 'SendModerationNotifications', 'SendOofMessageToOriginatorEnabled', 'SimpleDisplayName',
      'UMDtmfMap', 'WhatIf', 'WindowsEmailAddress'],
  },
  'Get-Recipient': {
    source: exchange('Get-Recipient'),
    parameters: ['Identity', 'Anr', 'Database', 'RecipientPreviewFilter', 'AuthenticationType', 'BookmarkDisplayName',
      'Capabilities', 'Credential', 'DomainController', 'Filter', 'IgnoreDefaultScope', 'IncludeBookmarkObject',
      'IncludeSoftDeletedRecipients', 'OrganizationalUnit', 'Properties', 'PropertySet', 'ReadFromDomainController',
      'RecipientType', 'RecipientTypeDetails', 'ResultSize', 'SortBy'],
  },

  // DNS
  'Resolve-DnsName': {
    source: 'windows-powershell-docs docset/winserver2022-ps/dnsclient/Resolve-DnsName.md',
    parameters: ['Name', 'Type', 'Server', 'DnsOnly', 'CacheOnly', 'DnssecOk', 'DnssecCd', 'NoHostsFile', 'LlmnrNetbiosOnly',
      'LlmnrFallback', 'LlmnrOnly', 'NetbiosFallback', 'NoIdn', 'NoRecursion', 'QuickTimeout', 'TcpOnly'],
  },

  // Windows PowerShell
  'Get-Date': {
    source: utility('Get-Date'),
    parameters: ['Date', 'Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Millisecond', 'DisplayHint', 'Format', 'UFormat'],
  },
  'Select-Object': {
    source: utility('Select-Object'),
    parameters: ['InputObject', 'Property', 'ExcludeProperty', 'ExpandProperty', 'Unique', 'Last', 'First', 'Skip', 'SkipLast',
      'Wait', 'Index'],
  },
  'Sort-Object': {
    source: utility('Sort-Object'),
    parameters: ['Property', 'Descending', 'Unique', 'InputObject', 'Culture', 'CaseSensitive'],
  },
  'Group-Object': {
    source: utility('Group-Object'),
    parameters: ['Property', 'NoElement', 'AsHashTable', 'AsString', 'InputObject', 'Culture', 'CaseSensitive'],
  },
  'Format-Table': {
    source: utility('Format-Table'),
    parameters: ['AutoSize', 'HideTableHeaders', 'Wrap', 'Property', 'GroupBy', 'View', 'ShowError', 'DisplayError', 'Force',
      'Expand', 'InputObject'],
  },
  'Format-List': {
    source: utility('Format-List'),
    parameters: ['Property', 'GroupBy', 'View', 'ShowError', 'DisplayError', 'Force', 'Expand', 'InputObject'],
  },
  'Export-Csv': {
    source: utility('Export-Csv'),
    parameters: ['InputObject', 'Path', 'LiteralPath', 'Force', 'NoClobber', 'Encoding', 'Append', 'Delimiter', 'UseCulture',
      'NoTypeInformation', 'WhatIf', 'Confirm'],
  },
  'Write-Progress': {
    source: utility('Write-Progress'),
    parameters: ['Activity', 'Status', 'Id', 'PercentComplete', 'SecondsRemaining', 'CurrentOperation', 'ParentId', 'Completed',
      'SourceId'],
  },
  'New-Object': { source: utility('New-Object'), parameters: ['TypeName', 'ArgumentList', 'Property', 'ComObject', 'Strict'] },
  'ForEach-Object': {
    source: core('ForEach-Object'),
    parameters: ['Process', 'InputObject', 'Begin', 'End', 'RemainingScripts', 'MemberName', 'ArgumentList', 'WhatIf', 'Confirm'],
  },
  'Where-Object': {
    source: core('Where-Object'),
    parameters: ['FilterScript', 'InputObject', 'Property', 'Value', 'EQ', 'CEQ', 'NE', 'CNE', 'GT', 'CGT', 'LT', 'CLT', 'GE',
      'CGE', 'LE', 'CLE', 'Like', 'CLike', 'NotLike', 'CNotLike', 'Match', 'CMatch', 'NotMatch', 'CNotMatch', 'Contains',
      'CContains', 'NotContains', 'CNotContains', 'In', 'CIn', 'NotIn', 'CNotIn', 'Is', 'IsNot'],
  },
  'New-Item': {
    source: management('New-Item'),
    parameters: ['Path', 'Name', 'ItemType', 'Value', 'Force', 'Credential', 'WhatIf', 'Confirm', 'UseTransaction'],
  },
  'Join-Path': {
    source: management('Join-Path'),
    parameters: ['Path', 'ChildPath', 'AdditionalChildPath', 'Resolve', 'Credential', 'UseTransaction'],
  },
};

const byLowerName = new Map(Object.entries(CMDLETS).map(([name, reference]) => [name.toLowerCase(), { name, reference }]));

/** The reference entry of a command, whatever its case; undefined for a command not in the table. */
export function cmdletReference(name: string): { name: string; reference: CmdletReference } | undefined {
  return byLowerName.get(name.toLowerCase());
}

/** Whether `parameter` (without the dash) is a parameter of the cmdlet, common parameters included. */
export function hasParameter(reference: CmdletReference, parameter: string): boolean {
  const wanted = parameter.toLowerCase();
  return reference.parameters.some((p) => p.toLowerCase() === wanted) || COMMON_PARAMETERS.some((p) => p.toLowerCase() === wanted);
}
