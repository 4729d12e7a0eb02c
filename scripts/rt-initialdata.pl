# Initial data for the throwaway Request Tracker the live tests run against (scripts/rt-server.sh):
# a global multi-value "Tags" custom field (RT has no tags of its own; supportkit maps this field to tags),
# and the right for privileged users to own tickets, so tickets can be assigned to agents.
@CustomFields = (
    {
        Name        => 'Tags',
        Type        => 'FreeformMultiple',
        LookupType  => 'RT::Queue-RT::Ticket',
        Description => 'Ticket tags (supportkit)',
        MaxValues   => 0,
        Queue       => 0,
    },
);
@ACL = (
    { GroupDomain => 'SystemInternal', GroupType => 'Privileged', Right => 'OwnTicket' },
    { GroupDomain => 'SystemInternal', GroupType => 'Privileged', Right => 'ShowTicket' },
    { GroupDomain => 'SystemInternal', GroupType => 'Privileged', Right => 'SeeQueue' },
);
1;
