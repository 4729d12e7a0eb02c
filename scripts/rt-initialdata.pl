# Initial data for the live tests' VARIANT Request Tracker (RT_INITIAL_DATA=scripts/rt-initialdata.pl
# scripts/rt-server.sh start), what sites commonly add to RT as shipped: a global multi-value "Tags" custom
# field (RT has no tags of its own; supportkit maps this field to tags), and the right for privileged users to
# own tickets, so tickets can be assigned to agents. The stock server loads nothing beyond RT's own data.
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
