import ChatProtocol
import Testing

@Suite struct ConversationStateTests {
    @Test func theNormalPathIsAllowed() throws {
        var state = ConversationState.waiting
        for transition: ConversationState.Transition in [.assign, .hold, .resume, .transferToQueue, .assign, .transferToOperator, .close] {
            state = try state.applying(transition)
        }
        #expect(state == .closed)
    }

    @Test func abandonOnlyWhileWaiting() throws {
        #expect(try ConversationState.waiting.applying(.abandon) == .abandoned)
        #expect(throws: ChatEngineError.invalidTransition(from: .assigned, transition: .abandon)) {
            try ConversationState.assigned.applying(.abandon)
        }
    }

    @Test func finalStatesAcceptNothing() {
        for state in [ConversationState.closed, .abandoned] {
            for transition in ConversationState.Transition.allCases {
                #expect(throws: ChatEngineError.invalidTransition(from: state, transition: transition)) { try state.applying(transition) }
            }
        }
    }

    @Test func holdNeedsAnOperator() {
        #expect(throws: ChatEngineError.invalidTransition(from: .waiting, transition: .hold)) { try ConversationState.waiting.applying(.hold) }
        #expect(throws: ChatEngineError.invalidTransition(from: .onHold, transition: .hold)) { try ConversationState.onHold.applying(.hold) }
    }
}
