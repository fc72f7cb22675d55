/// What `chc init` writes: a team's starting point, valid as written (a test lints and checks
/// them) and commented so each value can be changed to the landlord's own.
enum StarterFiles {
    /// A policy config with the 2024 Code's timescales, each citing its paragraph.
    static let policy = #"""
        # Your complaints process, as chc reads it. Started by `chc init` from the Housing Ombudsman's
        # statutory Complaint Handling Code (2024). Change each value to what your policy says, then run
        #   chc lint chc-policy.yaml
        # to see where it falls short of the Code, and pass it to `chc check --policy chc-policy.yaml`
        # to judge complaints by your own timescales as well as the Code's.

        landlord: Your Landlord Name   # shown in reports
        code: hos-2024                 # the Code your policy follows (chc rules list shows them all)
        calendar: england-and-wales    # bank holidays: england-and-wales, scotland or northern-ireland

        # Days your offices are closed besides weekends and bank holidays: not working days.
        closures: []                   # e.g. [2026-12-29, 2026-12-30, 2026-12-31]

        # A complaint received after this time counts as received on the next working day.
        # cut-off-time: "17:00"

        stages: 2                      # ¶5.3: two stages, never more

        # ¶1.2: the Code's definition; yours may say more but not less.
        definition-of-complaint: >-
          An expression of dissatisfaction, however made, about the standard of service, actions or lack
          of action by the landlord, its own staff, or those acting on its behalf, affecting a resident or
          group of residents.

        time-limit-to-complain: 12 months   # ¶2.3: accept complaints made within 12 months of the issue
        channels: [phone, email, online-form, letter, in-person]   # ¶3.1: different ways to complain
        requires-complaint-in-writing: false                       # ¶3.2: a complaint may be made in any way

        # Timescales. Write lengths as `5 working days` (or working-days, calendar days, hours).
        # Shorter than the Code is fine; longer is a breach of it.
        stage1:
          acknowledge: 5 working days      # ¶6.2: within 5 working days of receiving the complaint
          respond: 10 working days         # ¶6.3: within 10 working days of the acknowledgement
          respond-from: acknowledged
          extension-max: 10 working days   # ¶6.4: at most 10 more without good reason
        stage2:
          acknowledge: 5 working days      # ¶6.11: within 5 working days of the escalation request
          respond: 20 working days         # ¶6.14: within 20 working days of the acknowledgement
          respond-from: acknowledged
          extension-max: 20 working days   # ¶6.15: at most 20 more without good reason
          handler: different-from-stage1   # ¶6.13: someone else considers stage 2
          escalation-reason-required: false  # ¶6.12: residents need not say why they escalate

        extensions:
          ombudsman-details: true          # ¶6.5: a resident told of an extension gets the Ombudsman's details

        # ¶6.9: what every stage 1 response confirms in writing.
        response-includes: [stage, definition, decision, reasons, remedy, outstanding-actions, escalation]

        # Governance (section 8, ¶9.5). Fill these in: until you do, `chc lint` lists them as not stated.
        # self-assessment: { published: true, url: "https://example.org/complaints/self-assessment" }
        # annual-performance-report: { published: true }
        # member-responsible-for-complaints: true

        """#

    /// One complaint handled on time, to copy.
    static let timeline = #"""
        # One complaint, as chc reads it: an id, then its events in order. Started by `chc init`.
        # Check it with
        #   chc check example-timeline.yaml --policy chc-policy.yaml
        # then write your own complaints the same way (one file each, or many under `complaints:`),
        # or check your housing system's CSV or Excel export directly.
        complaint: EXAMPLE-0001
        landlord: Your Landlord Name
        category: repairs
        # The points the resident raised; each response says which it addresses.
        points:
          heating: No heating for two weeks
          contact: Calls not returned
        events:
          - {date: 2026-01-05, type: complaint-received, points: [heating, contact]}
          - {date: 2026-01-07, type: acknowledged, stage: 1}
          - {date: 2026-01-16, type: response, stage: 1, handler: officer-a, addresses: [heating, contact],
             includes: [stage, definition, decision, reasons, remedy, outstanding-actions, escalation]}

        """#
}
